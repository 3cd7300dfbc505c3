/**
 * WhatsApp's click-to-chat and share links (`https://wa.me/…`): they open the person's own
 * WhatsApp with the text ready; the server sends nothing (decision 019: no paid sending).
 */
export function waMeLink(text: string, phone?: string | null): string {
  const number = (phone ?? '').replace(/[^\d]/g, '');
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}
