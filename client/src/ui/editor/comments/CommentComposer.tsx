import { useState } from 'react';
import { MAX_COMMENT_LENGTH } from '../../../../../shared/model/conversation/conversationTypes';
import { useT } from '../../../i18n/i18n';

/** A text box with "Plaatsen" (Ctrl+Enter) and an optional "Annuleren". */
export function CommentComposer({
  placeholder,
  submitLabel,
  initial = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (text: string) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  const submit = () => {
    if (!text.trim()) return;
    onSubmit(text);
    setText('');
  };
  return (
    <form
      className="kk-comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        aria-label={placeholder}
        placeholder={placeholder}
        value={text}
        maxLength={MAX_COMMENT_LENGTH}
        rows={2}
        // biome-ignore lint/a11y/noAutofocus: the composer opens because the user asked to write
        autoFocus={autoFocus}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Keys typed here are the comment's, never the canvas's shortcuts.
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <div className="kk-comment-composer__actions">
        {onCancel && (
          <button type="button" className="kk-button kk-button--ghost kk-button--small" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="kk-button kk-button--primary kk-button--small"
          disabled={!text.trim()}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
