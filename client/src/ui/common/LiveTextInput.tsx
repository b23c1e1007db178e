import { type InputHTMLAttributes, type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { ChainMap } from '../../../../shared/model/ChainMap';
import type { TextFieldRef } from '../../../../shared/model/liveText';
import { bindTextInput } from '../../text/bindTextInput';
import { useLiveTextServices } from './liveTextServices';

type Passed = Omit<
  InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>,
  'value' | 'defaultValue' | 'onChange' | 'onInput'
>;

/**
 * An input (or textarea) bound live to a text field of the map: each keystroke merges with what
 * others type in the same field, and the caret stays with the owner's typing (`bindTextInput`).
 * Uncontrolled on purpose: the binding, not React, owns the element's value.
 */
export function LiveTextInput({
  ref: outer,
  model,
  field,
  multiline,
  rows = 3,
  keepUndoStep,
  ...rest
}: {
  ref?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  model: ChainMap;
  field: TextFieldRef;
  multiline?: boolean | undefined;
  rows?: number | undefined;
  /**
   * Focusing the input normally starts a new undo step (typing in another field is another step);
   * the name editor of an element just added keeps the step and joins every keystroke to it, however
   * slow the typing, so one Ctrl+Z removes the new element with its name.
   */
  keepUndoStep?: boolean;
} & Passed) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The text at mount, so the element has it before autofocus selects it; the binding takes over.
  const initial = useRef<string | null>(null);
  initial.current ??= model.liveText(field).read();
  useImperativeHandle(outer, () => ref.current as HTMLInputElement & HTMLTextAreaElement, []);
  const { undo, announceCaret } = useLiveTextServices();
  const { collection, id, field: name } = field;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const at = { collection, id, field: name } as TextFieldRef;
    return bindTextInput(el, model.liveText(at), {
      ...(undo ? { undo } : {}),
      newUndoStepOnFocus: !keepUndoStep,
      joinLastStep: !!keepUndoStep,
      onCaret: (caret) => announceCaret?.(at, caret),
    });
  }, [model, collection, id, name, undo, announceCaret, keepUndoStep]);
  return multiline ? (
    <textarea ref={ref} rows={rows} defaultValue={initial.current} {...rest} />
  ) : (
    <input ref={ref} defaultValue={initial.current} {...rest} />
  );
}
