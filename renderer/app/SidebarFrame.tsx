import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { IconButton } from '../ui/index.ts';
import {
  SIDEBAR_MAX,
  SIDEBAR_MIN,
  clampWidth,
  readSidebar,
  writeSidebar,
} from './sidebar-width.ts';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const STEP = 16;

/**
 * The sidebar's frame: its width (dragged on the edge, or with the arrow
 * keys on it, as a WAI-ARIA window splitter) and collapsed state, both
 * remembered; the main column beside it.
 */
export function SidebarFrame({
  sidebar,
  children,
}: {
  readonly sidebar: ReactNode;
  readonly children: ReactNode;
}) {
  const t = useT();
  const [layout, setLayout] = useState(() => readSidebar(storage()));
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  useEffect(() => {
    writeSidebar(storage(), layout);
  }, [layout]);

  const setWidth = (width: number) => {
    setLayout((l) => ({ ...l, width: clampWidth(width) }));
  };
  const toggle = () => {
    setLayout((l) => ({ ...l, collapsed: !l.collapsed }));
  };

  return (
    <div
      className="workspace"
      data-sidebar={layout.collapsed ? 'collapsed' : 'open'}
      // The width is a custom property set through CSSOM, which a strict CSP allows.
      style={{ ['--sidebar-width' as string]: `${layout.width}px` }}
    >
      {!layout.collapsed && (
        <>
          <aside className="sidebar" aria-label={t('nav.sidebar')}>
            <div className="sidebar__collapse">
              <IconButton label={t('nav.collapse')} aria-expanded="true" onClick={toggle}>
                «
              </IconButton>
            </div>
            {sidebar}
          </aside>
          <div
            className="sidebar__resizer"
            role="separator"
            aria-orientation="vertical"
            aria-label={t('nav.resize')}
            aria-valuemin={SIDEBAR_MIN}
            aria-valuemax={SIDEBAR_MAX}
            aria-valuenow={layout.width}
            tabIndex={0}
            onKeyDown={(event) => {
              if (event.key === 'ArrowLeft') setWidth(layout.width - STEP);
              else if (event.key === 'ArrowRight') setWidth(layout.width + STEP);
              else if (event.key === 'Home') setWidth(SIDEBAR_MIN);
              else if (event.key === 'End') setWidth(SIDEBAR_MAX);
              else return;
              event.preventDefault();
            }}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              drag.current = { startX: event.clientX, startWidth: layout.width };
            }}
            onPointerMove={(event) => {
              const start = drag.current;
              if (start) setWidth(start.startWidth + event.clientX - start.startX);
            }}
            onPointerUp={() => {
              drag.current = null;
            }}
          />
        </>
      )}
      <div className="workspace__main">
        {layout.collapsed && (
          <IconButton
            className="sidebar__expand"
            label={t('nav.expand')}
            aria-expanded="false"
            onClick={toggle}
          >
            »
          </IconButton>
        )}
        {children}
      </div>
    </div>
  );
}
