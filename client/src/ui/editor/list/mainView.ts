/**
 * Whether this device opens maps on the canvas or on the list: a reader who works with the list
 * (a screen reader user, a coordinator checking rows) should not have to switch on every map.
 */
export type MainView = 'map' | 'list';
const STORAGE_KEY = 'ketenkaart.mainView';

export function loadMainView(): MainView {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'list' ? 'list' : 'map';
  } catch {
    return 'map';
  }
}

export function saveMainView(view: MainView): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, view);
  } catch {
    // Private mode without storage: the choice holds for this session.
  }
}
