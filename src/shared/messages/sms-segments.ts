/**
 * SMS length and segment count (3GPP TS 23.038 / 23.040). A message in the GSM 7-bit default
 * alphabet holds 160 characters, or 153 per segment when concatenated (the 7-octet user data
 * header takes the rest); characters of the GSM-7 extension table (€ [ ] { } etc.) are sent as
 * ESC + char and count double. Any other character forces UCS-2: 70, or 67 per segment.
 * Counting is per UTF-16 code unit for UCS-2, as the handset encodes it (an emoji takes two).
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Capacity of one segment at this length: 160/153 or 70/67. */
  perSegment: number;
  /** Units left in the last segment. */
  remaining: number;
  /** Characters that forced UCS-2, to show the author what to replace. */
  nonGsmCharacters: string[];
}

export function countSms(text: string): SmsCount {
  let septets = 0;
  const nonGsm = new Set<string>();
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extension.has(ch)) septets += 2;
    else nonGsm.add(ch);
  }
  if (nonGsm.size === 0) return shape('GSM-7', septets, 160, 153, []);
  return shape('UCS-2', text.length, 70, 67, [...nonGsm]);
}

function shape(encoding: SmsEncoding, units: number, single: number, multi: number, nonGsmCharacters: string[]): SmsCount {
  if (units <= single) {
    return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units, nonGsmCharacters };
  }
  const segments = Math.ceil(units / multi);
  return { encoding, units, segments, perSegment: multi, remaining: segments * multi - units, nonGsmCharacters };
}

/**
 * Typographic punctuation has plain GSM-7 equivalents; replacing it keeps an SMS at 160
 * characters a part instead of 70 (office names such as "Centro per l’impiego" carry a ’).
 * Letters outside the alphabet (È, ç …) are left alone: changing them would misspell names.
 */
const GSM_FRIENDLY: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
};
export function toGsmFriendly(text: string): string {
  return text.replace(/[’‘“”«»–—…\u00a0]/g, (ch) => GSM_FRIENDLY[ch]!);
}
