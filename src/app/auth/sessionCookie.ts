/** Name of the session cookie; HttpOnly, SameSite=Lax, Secure behind HTTPS (set in src/http/plugins/auth.ts). */
export const SESSION_COOKIE = 'voxpop_session';
