// Bulk selection over the current list: a click toggles one row, a shift-click
// sets the whole range from the last clicked row to this one to this row's new
// state (the way mail clients and file managers do it).

export interface Selection {
  ids: Set<string>;
  /** the index of the last plain click, the range's anchor */
  anchor: number | null;
}

export function emptySelection(): Selection {
  return { ids: new Set(), anchor: null };
}

/** Click on row `index` of `order`; returns the new selection (the old one is not changed). */
export function clickRow(sel: Selection, order: readonly string[], index: number, shift: boolean): Selection {
  const id = order[index];
  if (id === undefined) return sel;
  const ids = new Set(sel.ids);
  const on = !ids.has(id);
  if (shift && sel.anchor !== null && sel.anchor < order.length) {
    const [a, b] = sel.anchor < index ? [sel.anchor, index] : [index, sel.anchor];
    for (let i = a; i <= b; i++) {
      if (on) ids.add(order[i]);
      else ids.delete(order[i]);
    }
    return { ids, anchor: index };
  }
  if (on) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: index };
}

/** Every row of the list (a filter's whole result, not only what is on screen). */
export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: null };
}
