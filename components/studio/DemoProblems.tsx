// The loader's problems with a demo's files, each as file:line:column — what — how to fix.
export function DemoProblems({ problems, registered }: { problems: string[]; registered: boolean }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice demo-problems" data-testid="demo-problems">
      <p>
        <strong>This demo’s files have problems.</strong>{" "}
        {registered
          ? "Visitors still get the last version that loaded; fix these and save."
          : "Visitors cannot open it until these are fixed (then restart the server, or save under npm run dev)."}
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
