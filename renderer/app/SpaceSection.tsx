import type { MySpace } from '../../shared/api.ts';
import type { Principal } from '../../shared/auth.ts';
import type { MembersApi } from '../api/index.ts';
import { InviteDropZone, NewMeetingButton } from '../features/meeting/index.ts';
import { MembersButton } from '../features/members/index.ts';
import { SpaceMenu } from '../features/open-spaces/index.ts';
import { SpaceSettingsButton } from '../features/space-settings/index.ts';
import { PageTreeNav } from '../features/tree/index.ts';
import type { SpacesService } from '../spaces/index.ts';
import { searchForRoute, viewRoute, type Route } from './route.ts';

export interface SpaceSectionProps {
  readonly space: MySpace;
  /** The route shown now: the open space also shows its tools. */
  readonly route: Route;
  readonly profile: Principal;
  readonly members: MembersApi;
  readonly spaces: SpacesService;
  readonly go: (route: Route) => void;
}

/** What a space unfolds to in the sidebar: its page tree; the open space also its tools. */
export function SpaceSection({ space, route, profile, members, spaces, go }: SpaceSectionProps) {
  const open = (docId: string) => {
    go({ spaceId: space.id, docId });
  };
  const isOpen = route.spaceId === space.id;
  return (
    <div className="sidebar__space-tools">
      {isOpen && (
        <div className="sidebar__space-actions">
          <MembersButton
            api={members}
            spaceId={space.id}
            spaceName={space.name}
            myRole={space.role}
            mySub={profile.sub}
            onChanged={() => void spaces.load()}
          />
          <SpaceSettingsButton space={space} service={spaces} />
          <SpaceMenu
            space={space}
            members={members}
            spaces={spaces}
            onLeft={() => {
              go(viewRoute('home'));
            }}
          />
        </div>
      )}
      <PageTreeNav
        spaceId={space.id}
        spaceName={space.name}
        selectedPageId={isOpen ? route.docId : null}
        hrefFor={(docId) => searchForRoute({ spaceId: space.id, docId })}
        onOpen={open}
      />
      {isOpen && (
        <div className="meeting-tools">
          <NewMeetingButton spaceId={space.id} directory={members} onOpen={open} />
          <InviteDropZone spaceId={space.id} directory={members} onOpen={open} />
        </div>
      )}
    </div>
  );
}
