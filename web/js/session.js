// Who is signed in (from /api/auth/me or sign-in), and what their role lets the UI show.
let current = null;

export const session = () => current;
export function setSession(s) { current = s || null; }

export const isOwner = () => current?.role === 'Owner';
export const isKiosk = () => current?.role === 'Kiosk';

// A wall screen opened by a kiosk link has no password: remember that, so when its link is revoked
// the screen can say why it was signed out rather than just asking for a password.
const KIOSK_KEY = 'jewelbench.kioskScreen';
export const wasKioskScreen = () => localStorage.getItem(KIOSK_KEY) === '1';
export function markKioskScreen(on) {
  if (on) localStorage.setItem(KIOSK_KEY, '1'); else localStorage.removeItem(KIOSK_KEY);
}
