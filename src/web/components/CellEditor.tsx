/**
 * 单元格编辑 — the input of a grid cell while it is edited; for code and choice columns a list of
 * suggestions below it (a combobox: ↑/↓ choose, Enter takes, Esc cancels). Codes are searched by
 * digits, name or pinyin initials (lib/code-search.ts).
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type IndexedCode, initialsOf, searchCodes } from "../lib/code-search.ts";

export interface Choice {
  value: string;
  label: string;
}

export interface CellEditorProps {
  initial: string;
  label: string;
  /** a code list to search (code columns) */
  codes?: readonly IndexedCode[];
  acceptCode?: (e: IndexedCode) => boolean;
  /** fixed choices (nature, source, unit, project) */
  choices?: readonly Choice[];
  noMatch: string;
  placeholder?: string;
  /** commit the text; `move` says where the caller should go next */
  onCommit: (text: string, move: "down" | "right" | "left" | "none") => void;
  onCancel: () => void;
}

interface Option {
  value: string;
  code?: string;
  name: string;
}

function filterChoices(choices: readonly Choice[], q: string): Option[] {
  const s = q.trim().toLowerCase();
  const list = choices.filter((c) => !s || c.value.toLowerCase().includes(s) || c.label.toLowerCase().includes(s) || initialsOf(c.label).startsWith(s));
  return list.map((c) => ({ value: c.value, name: c.label }));
}

export function CellEditor({ initial, label, codes, acceptCode, choices, noMatch, placeholder, onCommit, onCancel }: CellEditorProps) {
  const [text, setText] = useState(initial);
  const [active, setActive] = useState(0);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hasList = !!codes || !!choices;
  const options: Option[] = useMemo(() => {
    // Before the user types, show everything (from the top); after, what matches.
    const q = touched ? text : "";
    if (codes) return searchCodes(codes, q, 40, acceptCode).map((e) => ({ value: e.code, code: e.code, name: e.label ?? e.name }));
    if (choices) return filterChoices(choices, q);
    return [];
  }, [codes, choices, acceptCode, text, touched]);

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }, []);
  useEffect(() => setActive(0), [text]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  // The first of commit / cancel counts (a blur follows an Enter when the grid takes the focus back).
  const done = useRef(false);
  const finish = (f: () => void) => {
    if (done.current) return;
    done.current = true;
    f();
  };
  const take = (o: Option | undefined, move: "down" | "right" | "left" | "none") => finish(() => onCommit(o ? o.value : text, move));
  const pick = () => (hasList && touched && options.length > 0 ? options[active] : undefined);

  return (
    <div style={{ position: "relative" }}>
      <input
        ref={input}
        value={text}
        placeholder={placeholder}
        aria-label={label}
        role={hasList ? "combobox" : undefined}
        aria-expanded={hasList ? true : undefined}
        aria-controls={hasList ? listId : undefined}
        aria-autocomplete={hasList ? "list" : undefined}
        aria-activedescendant={hasList && options.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setTouched(true);
        }}
        onBlur={() => finish(() => onCommit(text, "none"))}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === "Escape") {
            e.preventDefault();
            finish(onCancel);
          } else if (e.key === "Enter") {
            e.preventDefault();
            take(pick(), "down");
          } else if (e.key === "Tab") {
            e.preventDefault();
            take(pick(), e.shiftKey ? "left" : "right");
          } else if (hasList && e.key === "ArrowDown") {
            e.preventDefault();
            setTouched(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (hasList && e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          }
          e.stopPropagation();
        }}
      />
      {hasList && (
        <ul className="picker-list" id={listId} role="listbox" aria-label={label}>
          {options.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled>
              {noMatch}
            </li>
          ) : (
            options.map((o, i) => (
              <li
                key={o.value}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  take(o, "none");
                }}
                onMouseEnter={() => setActive(i)}
              >
                {o.code && <span className="code">{o.code}</span>}
                <span className="name">{o.name}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
