import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: ReactNode;
  lang?: string;
  current?: boolean;
  onSelect(): void;
}

/**
 * A disclosure menu (button + list of actions) in Bootstrap Italia's dropdown style: the button
 * keeps its accessible name, Escape and a click outside close it, focus returns to the button.
 */
export function MenuButton({
  label,
  content,
  entries,
  align = 'end',
}: {
  label: string;
  content: ReactNode;
  entries: MenuEntry[];
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="dropdown menu-button" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-dropdown dropdown-toggle text-white"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {content}
      </button>
      <div id={id} className={`dropdown-menu ${open ? 'show' : ''} ${align === 'end' ? 'dropdown-menu-end' : ''}`} hidden={!open}>
        <div className="link-list-wrapper">
          <ul className="link-list">
            {entries.map((entry) => (
              <li key={entry.key}>
                <button
                  type="button"
                  className="btn dropdown-item list-item text-start w-100"
                  lang={entry.lang}
                  aria-current={entry.current ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    entry.onSelect();
                  }}
                >
                  <span>{entry.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
