import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseDayParam, todayInBeijing } from '../format';

/**
 * The day a page shows, kept in the address (`?date=2026-11-24`) so a link or a reload shows
 * the same day; today (Beijing time) when none is given.
 */
export function useDayParam(): [string, (day: string) => void] {
  const [params, setParams] = useSearchParams();
  const day = parseDayParam(params.get('date')) ?? todayInBeijing();
  const setDay = useCallback(
    (next: string) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          copy.set('date', next);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [day, setDay];
}

/** Another search parameter of the page (a class, a child), kept in the address too. */
export function useSearchParam(name: string): [string | null, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          copy.set(name, value);
          return copy;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [params.get(name), set];
}
