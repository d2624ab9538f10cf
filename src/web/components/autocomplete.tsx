import { Icon } from 'design-react-kit';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { taxonomyEndpoints, taxonomySearchEndpoints } from '../../shared/api/taxonomy.endpoints';
import { ApiError, call } from '../api/client';
import '../styles/autocomplete.css';
import {
  DEFAULT_LIMIT,
  alternativeLabel,
  createDebouncedSearch,
  moveActive,
  optionMeta,
  type DebouncedSearch,
  type TaxonomyItem,
  type TaxonomySearchKind,
} from './taxonomy-search';

export interface AutocompleteProps<T extends TaxonomyItem = TaxonomyItem> {
  kind: TaxonomySearchKind;
  label: string;
  value: T | null;
  onChange(item: T | null): void;
  help?: string;
  id?: string;
  required?: boolean;
  /** How many suggestions to ask for (1–50). */
  limit?: number;
  className?: string;
}

type Status = { type: 'count'; count: number } | { type: 'none'; query: string } | { type: 'error'; detail: string } | null;

/** "EN" next to a label that exists only in English, with the reason spelled out for screen readers. */
export function EnglishOnlyBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge rc-lang-badge" title={t('taxonomy.autocomplete.englishOnly')}>
      <span aria-hidden="true">EN</span>
      <span className="visually-hidden">({t('taxonomy.autocomplete.englishOnly')})</span>
    </span>
  );
}

/** An item's label in its own language, marked when it is an English fallback. */
export function ItemLabel({ item }: { item: TaxonomyItem }) {
  return (
    <>
      <span lang={item.labelLanguage}>{item.label}</span>
      {item.fallback && (
        <>
          {' '}
          <EnglishOnlyBadge />
        </>
      )}
    </>
  );
}

function OptionContent({ item }: { item: TaxonomyItem }) {
  const { t } = useTranslation();
  const alternative = alternativeLabel(item);
  return (
    <>
      <span className="rc-autocomplete__label">
        <ItemLabel item={item} />
      </span>{' '}
      {alternative && (
        <>
          <span className="rc-autocomplete__alt">
            {t('taxonomy.autocomplete.alsoKnownAs')} <span lang={item.labelLanguage}>{alternative}</span>
          </span>{' '}
        </>
      )}
      <span className="rc-autocomplete__meta">{optionMeta(item).join(' · ')}</span>
    </>
  );
}

/**
 * A type-ahead over the reference classifications, after the WAI-ARIA 1.2 combobox pattern
 * (editable combobox, list autocomplete, manual selection): focus stays in the input and the
 * active option is pointed to by aria-activedescendant. Typing after a choice clears the choice,
 * so the value is always an item the API returned, never free text.
 */
export function Autocomplete<T extends TaxonomyItem = TaxonomyItem>({
  kind,
  label,
  value,
  onChange,
  help,
  id,
  required,
  limit = DEFAULT_LIMIT,
  className,
}: AutocompleteProps<T>) {
  const { t, i18n } = useTranslation();
  const language: 'it' | 'en' = i18n.language === 'en' ? 'en' : 'it';
  const generatedId = useId();
  const inputId = id ?? `${generatedId}-input`;
  const labelId = `${inputId}-label`;
  const listId = `${inputId}-listbox`;
  const helpId = `${inputId}-help`;
  const noteId = `${inputId}-note`;
  const optionId = (index: number) => `${inputId}-option-${index}`;

  const [text, setText] = useState(value?.label ?? '');
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const input = useRef<HTMLInputElement>(null);
  const focused = useRef(false);
  const shownLabel = useRef(value?.label ?? '');
  const params = useRef({ kind, language, limit });
  const search = useRef<DebouncedSearch | null>(null);

  useEffect(() => {
    params.current = { kind, language, limit };
  }, [kind, language, limit]);

  useEffect(() => {
    const debounced = createDebouncedSearch<T>(
      (query) => {
        const p = params.current;
        const endpoint = p.kind === 'comuni' ? taxonomyEndpoints.comuni : taxonomySearchEndpoints[p.kind];
        // The kind picks the endpoint; T is the item type of that kind (comuni carry coordinates).
        return call(endpoint, { query: { q: query, limit: p.limit ?? DEFAULT_LIMIT, lang: p.language } }).then((r) => r.items as T[]);
      },
      {
        onShort() {
          setItems([]);
          setOpen(false);
          setActive(-1);
          setLoading(false);
          setStatus(null);
        },
        onStart() {
          setLoading(true);
        },
        onResults(query, found) {
          setLoading(false);
          setItems(found);
          setActive(-1);
          setOpen(found.length > 0 && focused.current);
          setStatus(found.length > 0 ? { type: 'count', count: found.length } : { type: 'none', query });
        },
        onError(_query, error) {
          setLoading(false);
          setItems([]);
          setOpen(false);
          setStatus({ type: 'error', detail: error instanceof ApiError ? error.detail : String(error) });
        },
      },
    );
    search.current = debounced;
    return () => debounced.cancel();
  }, []);

  // A value set or cleared from outside (a form reset, a loaded record) replaces the text; a
  // value cleared because the user is typing leaves the text alone.
  useEffect(() => {
    if (value) {
      shownLabel.current = value.label;
      setText(value.label);
    } else {
      setText((current) => (current === shownLabel.current ? '' : current));
      shownLabel.current = '';
    }
  }, [value]);

  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${inputId}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, inputId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (item: T) => {
    search.current?.cancel();
    shownLabel.current = item.label;
    setText(item.label);
    setLoading(false);
    setStatus(null);
    close();
    onChange(item);
  };

  const clear = () => {
    search.current?.cancel();
    setText('');
    setItems([]);
    setLoading(false);
    setStatus(null);
    close();
    if (value) onChange(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (items.length === 0) return;
        event.preventDefault();
        setOpen(true);
        if (event.altKey) return; // Alt+Down opens the list without moving into it
        setActive(moveActive(open ? active : -1, event.key, items.length));
        return;
      }
      case 'Home':
      case 'End':
        // Inside the list they move to the first or last option; otherwise they move the caret.
        if (!open || active < 0) return;
        event.preventDefault();
        setActive(moveActive(active, event.key, items.length));
        return;
      case 'Enter': {
        const item = open && active >= 0 ? items[active] : undefined;
        if (!item) return;
        event.preventDefault();
        choose(item);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          clear();
        }
        return;
      case 'Tab':
        close();
        return;
    }
  };

  const statusText =
    status?.type === 'count'
      ? t('taxonomy.autocomplete.results', { count: status.count })
      : status?.type === 'none'
        ? t('taxonomy.autocomplete.noResults', { query: status.query })
        : status?.type === 'error'
          ? t('taxonomy.autocomplete.error', { detail: status.detail })
          : '';
  const showsChosen = value !== null && text === value.label;
  const describedBy = [helpId, showsChosen && value.fallback ? noteId : null].filter(Boolean).join(' ');

  return (
    <div className={`rc-autocomplete mb-3 ${className ?? ''}`}>
      <label id={labelId} htmlFor={inputId} className="form-label-static">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <div className="rc-autocomplete__field">
        <input
          ref={input}
          id={inputId}
          type="text"
          role="combobox"
          className="form-control rc-autocomplete__input"
          lang={showsChosen && value.labelLanguage !== language ? value.labelLanguage : undefined}
          value={text}
          required={required}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-busy={loading || undefined}
          onChange={(event) => {
            setText(event.target.value);
            if (value) onChange(null);
            search.current?.update(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => {
            focused.current = true;
          }}
          onBlur={() => {
            focused.current = false;
            close();
          }}
        />
        {loading && <span className="rc-autocomplete__spinner" aria-hidden="true" />}
        {text && (
          <button
            type="button"
            className="btn rc-autocomplete__clear"
            aria-label={t('taxonomy.autocomplete.clear', { label })}
            onClick={() => {
              clear();
              input.current?.focus();
            }}
          >
            <Icon icon="it-close" size="sm" aria-hidden />
          </button>
        )}
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={labelId}
          className="rc-autocomplete__list"
          hidden={!open}
          // Keeps focus in the input while an option is clicked.
          onMouseDown={(event) => event.preventDefault()}
        >
          {items.map((item, index) => (
            <li
              key={item.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="rc-autocomplete__option"
              onClick={() => choose(item)}
            >
              <OptionContent item={item} />
            </li>
          ))}
        </ul>
      </div>
      {showsChosen && value.fallback && (
        <p id={noteId} className="rc-autocomplete__note">
          <span className="badge rc-lang-badge" aria-hidden="true">
            EN
          </span>{' '}
          {t('taxonomy.autocomplete.englishOnly')}
        </p>
      )}
      <small id={helpId} className="form-text d-block">
        {help ? `${help} ` : ''}
        {t('taxonomy.autocomplete.hint')}
      </small>
      <div role="status" className={status && status.type !== 'count' ? 'rc-autocomplete__status' : 'visually-hidden'}>
        {statusText}
      </div>
    </div>
  );
}
