import { html } from 'htm/preact';
import { useRef, useState } from 'preact/hooks';
import { at, call, messageOf, type Variables } from '../api';

type Option = Readonly<{ key: string; group: 'Workspace' | 'Personal'; disabled: boolean; note?: string }>;
type Open = Readonly<{ start: number; filter: string; options: readonly Option[] | null; error: string | null }>;

/** `{{` then the key typed so far, right before the caret. */
const OPENING = /\{\{\s*([A-Za-z0-9_]*)$/;
const REFERENCE = /(\{\{\s*[A-Za-z0-9_]{1,256}\s*\}\})/;

/**
 * A workflow field as the product's editors have it: typing `{{` opens the keys this user can
 * reference in the workspace (GET …/variables), Workspace first, then Personal; picking one
 * writes `{{KEY}}`. Below, the text with its references highlighted. Nothing here is stored.
 */
export function VariablesField({ ws }: { ws: string }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const visible = (o: Open) => (o.options ?? []).filter((option) => option.key.toLowerCase().startsWith(o.filter.toLowerCase()));
  const choosable = (o: Open) => visible(o).filter((option) => !option.disabled);

  async function fetchOptions(start: number, filter: string) {
    try {
      const { body } = await call<Variables>('GET', at`/v1/workspaces/${ws}/variables`);
      setOpen((o) => (o && o.start === start ? { ...o, options: optionsOf(body) } : o));
    } catch (error) {
      setOpen({ start, filter, options: [], error: messageOf(error) });
    }
  }

  function onInput(event: Event) {
    const field = event.currentTarget as HTMLInputElement;
    setText(field.value);
    const before = field.value.slice(0, field.selectionStart ?? field.value.length);
    const match = OPENING.exec(before);
    if (!match) return setOpen(null);
    const start = before.length - match[0].length;
    const wasOpen = open !== null && open.start === start;
    setOpen({ start, filter: match[1]!, options: wasOpen ? open.options : null, error: null });
    setActive(0);
    if (!wasOpen) void fetchOptions(start, match[1]!);
  }

  function pick(option: Option) {
    const field = input.current;
    if (!open || !field || option.disabled) return;
    const end = field.selectionStart ?? text.length;
    const reference = `{{${option.key}}}`;
    const next = text.slice(0, open.start) + reference + text.slice(end).replace(/^\s*\}\}/, '');
    // The field is updated here, with its caret after the reference, before the next keystroke
    // can land; the render that follows finds the same value and leaves the caret alone.
    const caret = open.start + reference.length;
    field.value = next;
    field.focus();
    field.setSelectionRange(caret, caret);
    setText(next);
    setOpen(null);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    const options = choosable(open);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(null);
    }
  }

  const options = open ? visible(open) : [];
  const activeOption = open ? choosable(open)[active] : undefined;
  const optionId = (o: Option) => `variable-${o.group}-${o.key}`;
  const group = (name: 'Workspace' | 'Personal') => {
    const members = options.filter((o) => o.group === name);
    if (members.length === 0) return null;
    return html`<div role="group" aria-labelledby=${`variables-${name}`}>
      <div role="presentation" id=${`variables-${name}`} class="group-label">${name}</div>
      ${members.map(
        (o) => html`<div
          role="option"
          id=${optionId(o)}
          class=${o === activeOption ? 'option active' : 'option'}
          aria-selected=${o === activeOption}
          aria-disabled=${o.disabled}
          onMouseDown=${(e: MouseEvent) => e.preventDefault()}
          onClick=${() => pick(o)}
        >${o.key}${o.note ? html`<span class="muted"> ${o.note}</span>` : null}</div>`,
      )}
    </div>`;
  };

  return html`
    <section class="scope" aria-labelledby="variables-heading">
      <h2 id="variables-heading">Use a secret in a field</h2>
      <p class="muted">Type <code>{{</code> in a workflow field to pick a secret; it is resolved only when the workflow runs.</p>
      <div class="combo">
        <label for="workflow-field">Workflow field</label>
        <input
          id="workflow-field"
          ref=${input}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${open !== null}
          aria-controls="variables-list"
          aria-activedescendant=${activeOption ? optionId(activeOption) : undefined}
          autocomplete="off"
          spellcheck=${false}
          value=${text}
          onInput=${onInput}
          onKeyDown=${onKeyDown}
          onBlur=${() => setOpen(null)}
        />
        <div id="variables-list" role="listbox" aria-label="Secrets to reference" class="dropdown" hidden=${open === null}>
          ${open && open.options === null ? html`<div class="muted">Loading…</div>` : null}
          ${open?.error ? html`<div class="problem">${open.error}</div>` : null}
          ${open && open.options !== null && options.length === 0 && !open.error ? html`<div class="muted">No secret matches</div>` : null}
          ${group('Workspace')} ${group('Personal')}
        </div>
      </div>
      <p class="preview">
        <span class="muted">Preview: </span>
        ${text.split(REFERENCE).map((part, i) => (i % 2 === 1 ? html`<mark class="ref">${part}</mark>` : part))}
      </p>
    </section>
  `;
}

function optionsOf(variables: Variables): Option[] {
  return [
    ...variables.workspace.map((v): Option => ({ key: v.key, group: 'Workspace', disabled: false })),
    ...variables.personal.map(
      (v): Option => ({ key: v.key, group: 'Personal', disabled: v.shadowed, note: v.shadowed ? '(the workspace key of that name wins)' : undefined }),
    ),
  ];
}
