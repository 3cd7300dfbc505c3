/**
 * A table that reflows into cards on a narrow screen: each body cell carries its column's header
 * text as `data-label`, which styles.css shows as "label: value" lines below 600 px. Use as the
 * table's ref: `<table className="breakdown cards" ref={cardRows}>`. Rows added later (data
 * loading, a language switch) are labelled too.
 */
export function cardRows(table: HTMLTableElement | null): (() => void) | undefined {
  if (!table) return undefined;
  const label = () => {
    const heads: string[] = [];
    for (const th of table.tHead?.rows[0]?.cells ?? []) {
      for (let i = 0; i < th.colSpan; i++) heads.push(th.textContent?.trim() ?? '');
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const head = heads[column];
          if (head && cell.dataset.label !== head) cell.dataset.label = head;
          column += cell.colSpan;
        }
      }
    }
  };
  label();
  // Only rows and text are watched, so setting the labels does not wake the observer again.
  const observer = new MutationObserver(label);
  observer.observe(table, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
