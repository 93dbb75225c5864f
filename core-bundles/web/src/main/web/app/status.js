// Whether the server and its plugins answer: GET /health every few seconds (it needs no sign-in). The register
// shows the result in its status bar, and refuses to start a payment when the server is unreachable.
import { useEffect, useState } from 'preact/hooks';

const EVERY_MS = 5000;

/** @returns {{online: boolean, status: string, missing: string[], checkedAt: Date|null}} */
export function useServerStatus() {
  const [state, setState] = useState({ online: true, status: 'UNKNOWN', missing: [], checkedAt: null });
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      let next;
      try {
        // 200 UP, or 503 DOWN naming the missing services: both carry the same body
        const response = await fetch('/api/v1/health', { cache: 'no-store', headers: { Accept: 'application/json' } });
        const health = await response.json();
        next = { online: true, status: health.status, missing: health.missing || [], checkedAt: new Date() };
      } catch {
        next = { online: false, status: 'UNREACHABLE', missing: [], checkedAt: new Date() };
      }
      if (!stopped) setState(next);
    };
    check();
    const timer = setInterval(check, EVERY_MS);
    const wake = () => check();
    window.addEventListener('online', wake);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', wake);
    };
  }, []);
  return state;
}
