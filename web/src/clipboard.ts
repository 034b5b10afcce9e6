/**
 * Copies text to the clipboard. The Clipboard API exists only in secure contexts; a
 * self-hosted install is often opened over plain http on a LAN, so fall back to
 * selecting the given field and execCommand('copy').
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the legacy path
    }
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
