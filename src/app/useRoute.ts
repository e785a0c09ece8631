import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, withChanges, type Route } from './route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => window.location.hash;

/** The route in the address bar, and a way to change it that adds a history entry (back undoes it). */
export function useRoute(): [Route, (change: Parameters<typeof withChanges>[1]) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const route = parseRoute(hash);
  const navigate = useCallback((change: Parameters<typeof withChanges>[1]) => {
    const next = formatRoute(withChanges(parseRoute(window.location.hash), change));
    if (next !== window.location.hash) window.location.hash = next;
  }, []);
  return [route, navigate];
}
