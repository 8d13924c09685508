/**
 * A storage item's checked value in a page component, kept current as it changes anywhere (another page,
 * the background): undefined until the first read.
 */
import { useEffect, useState } from 'preact/hooks';

export function useStored<T>(
  read: () => Promise<T>,
  watch: (callback: () => void) => () => void,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const load = (): void => void read().then((v) => live && setValue(v));
    load();
    const unwatch = watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return value;
}
