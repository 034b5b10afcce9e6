import { useEffect, useRef, useState } from 'react';

/** True while the tab is in front; polling stops when nobody is looking. */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/** Calls `tick` every `ms` while `enabled`; the latest `tick` is used, so it may close over fresh state. */
export function useInterval(tick: () => void, ms: number, enabled: boolean) {
  const ref = useRef(tick);
  ref.current = tick;
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => ref.current(), ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
