export function AppHeader() {
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-logo" aria-hidden="true">
          ◆
        </span>
        Chainwright
      </h1>
      <p className="app-tagline">Design tool-call chains, generate fine-tuning conversations.</p>
    </header>
  );
}
