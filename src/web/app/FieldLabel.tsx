import type { ReactNode } from 'react';
import classes from './FieldLabel.module.css';

/**
 * A field's label with the guide's mark for a required field: the `*` right after the text
 * ("País de procedência*"), as the customer's guide prints it. The input itself carries
 * `required`, which is what assistive technology announces.
 */
export function fieldLabel(text: string, required = false): ReactNode {
  if (!required) return text;
  return (
    <>
      {text}
      <span className={classes.mark}>*</span>
    </>
  );
}
