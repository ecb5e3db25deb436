// A labelled input with its error underneath, tied by aria-describedby and aria-invalid.
import type { ReactNode } from "react";

export function FormField(props: { id: string; label: string; error?: string; hint?: string; children: (aria: object) => ReactNode }) {
  const described = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({ id: props.id, "aria-invalid": props.error ? true : undefined, "aria-describedby": described || undefined })}
      {props.hint ? (
        <span id={`${props.id}-hint`} className="muted form-hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} className="error-text" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
