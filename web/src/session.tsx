// Who is signed in. Checked once at start (GET /auth/me); any 401 later ends the session.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { api, type Session } from './endpoints.ts';
import { useI18n } from './i18n/index.tsx';
import type { UserView } from './types.ts';

export type SessionState =
  | { status: 'loading' }
  /** After `logout` /login starts afresh; otherwise (no session, or it expired) it returns the user to the page they asked for. */
  | { status: 'anonymous'; reason: 'no-session' | 'logout' }
  | { status: 'error'; error: unknown }
  | { status: 'authenticated'; user: UserView };

interface SessionApi {
  state: SessionState;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  setUser: (user: UserView) => void;
  recheck: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { adoptLanguage } = useI18n();

  const signedIn = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      adoptLanguage(session.user.locale);
      setState({ status: 'authenticated', user: session.user });
    },
    [adoptLanguage],
  );

  const recheck = useCallback(() => {
    setState({ status: 'loading' });
    api.me().then(signedIn, (error: unknown) =>
      setState(isUnauthorized(error) ? { status: 'anonymous', reason: 'no-session' } : { status: 'error', error }),
    );
  }, [signedIn]);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ status: 'anonymous', reason: 'no-session' }));
    recheck();
  }, [recheck]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session may already be gone; either way the user is out.
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'logout' });
  }, []);

  const setUser = useCallback((user: UserView) => setState({ status: 'authenticated', user }), []);

  const value = useMemo(() => ({ state, signedIn, signOut, setUser, recheck }), [state, signedIn, signOut, setUser, recheck]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

const isUnauthorized = (error: unknown) => typeof error === 'object' && error !== null && 'status' in error && error.status === 401;

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useUser(): UserView {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a signed-in user');
  return state.user;
}
