// What a product form's action refused, read out as it appears.
export function ActionError({ error, id }: { error?: string; id?: string }) {
  return error ? (
    <p id={id} role="alert" className="error-text">
      {error}
    </p>
  ) : null;
}
