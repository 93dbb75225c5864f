// Hash routes (#/register, #/office/dashboard, …): the server serves one page, and a reload keeps the view.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute() {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function navigate(route) {
  window.location.hash = route;
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
