// Opens any item's output diff by its id (not only the flipped ones).
import { type FormEvent, useEffect, useState } from 'react';

export function ItemPicker(props: { readonly itemId: string | null; readonly onPick: (itemId: string) => void }) {
  const [draft, setDraft] = useState(props.itemId ?? '');
  useEffect(() => setDraft(props.itemId ?? ''), [props.itemId]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() !== '') props.onPick(draft.trim());
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Show an item's output diff">
      <label>
        Item id
        <input aria-label="Item id" value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit" disabled={draft.trim() === ''}>
        Show output diff
      </button>
    </form>
  );
}
