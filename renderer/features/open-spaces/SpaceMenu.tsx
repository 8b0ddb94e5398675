import { useRef, useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import type { MembersApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Menu } from '../../ui/index.ts';
import { LeaveSpaceDialog } from './LeaveSpaceDialog.tsx';

export interface SpaceMenuProps {
  readonly space: MySpace;
  readonly members: Pick<MembersApi, 'list'>;
  readonly spaces: Pick<SpacesService, 'refresh'>;
  /** Called once the person left the space (the app moves elsewhere). */
  readonly onLeft: () => void;
}

/** The ⋯ menu of the open space: actions on one's own membership ("Leave space"). */
export function SpaceMenu({ space, members, spaces, onLeft }: SpaceMenuProps) {
  const t = useT();
  const [leaving, setLeaving] = useState(false);
  const anchor = useRef<HTMLSpanElement>(null);
  return (
    <span ref={anchor} className="space-menu">
      <Menu
        label={t('openSpaces.menu', { name: space.name })}
        items={[
          {
            label: t('openSpaces.leave.item'),
            danger: true,
            onSelect: () => {
              setLeaving(true);
            },
          },
        ]}
      />
      {leaving && (
        <LeaveSpaceDialog
          space={space}
          members={members}
          spaces={spaces}
          onClose={() => {
            setLeaving(false);
            // Back to the menu's button, as after any dialog it opened.
            anchor.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }}
          onLeft={() => {
            setLeaving(false);
            onLeft();
          }}
        />
      )}
    </span>
  );
}
