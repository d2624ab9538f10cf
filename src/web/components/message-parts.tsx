import { Button } from 'design-react-kit';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsCount } from '../../shared/messages/sms-segments';

/**
 * The parts the two message-template editors share (outreach's campaigns and the agenda's
 * messages): placeholder buttons that insert at the cursor, and an SMS's size as the operator reads
 * it (characters, encoding, parts, what is left, and which characters forced UCS-2).
 */

/** Inserts `{{name}}` into `text` where the cursor of `el` is (or at the end), then puts the cursor after it. */
export function insertPlaceholder(el: HTMLTextAreaElement | null, text: string, name: string): string {
  const token = `{{${name}}}`;
  const start = el?.selectionStart ?? text.length;
  const end = el?.selectionEnd ?? text.length;
  requestAnimationFrame(() => {
    el?.focus();
    el?.setSelectionRange(start + token.length, start + token.length);
  });
  return text.slice(0, start) + token + text.slice(end);
}

export function PlaceholderButtons({
  names,
  target,
  text,
  onChange,
}: {
  names: readonly string[];
  /** The text area the placeholder goes into, at its cursor. */
  target: RefObject<HTMLTextAreaElement | null>;
  text: string;
  onChange(text: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('outreach.placeholders')} className="d-flex flex-wrap gap-1 mb-3">
      {names.map((p) => (
        <Button
          key={p}
          size="xs"
          color="secondary"
          outline
          type="button"
          onClick={() => onChange(insertPlaceholder(target.current, text, p))}
          aria-label={t('outreach.insert', { name: p })}
        >
          {`{{${p}}}`}
        </Button>
      ))}
    </div>
  );
}

/** "172 caratteri · GSM-7 · 2 SMS (153 per parte, 134 liberi)", and the characters that force UCS-2. */
export function SmsCountText({ sms }: { sms: SmsCount }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-1 fw-semibold" data-testid="sms-count">
        {t('outreach.sms', {
          units: sms.units,
          encoding: sms.encoding,
          segments: sms.segments,
          perSegment: sms.perSegment,
          remaining: sms.remaining,
        })}
      </p>
      {sms.nonGsmCharacters.length > 0 && (
        <p className="small text-warning-emphasis mb-1">{t('outreach.smsUcs', { chars: sms.nonGsmCharacters.join(' ') })}</p>
      )}
    </>
  );
}
