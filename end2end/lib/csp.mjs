// Collects the Content-Security-Policy violations of a page: the `securitypolicyviolation`
// events the page fires and the "Refused to …" lines Chromium writes to the console.
const REPORT = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error(\`CSP violation: \${e.effectiveDirective} blocked \${e.blockedURI || 'inline'} at \${e.sourceFile}:\${e.lineNumber}\`));`;

/** Starts recording on `page` (before it navigates); returns the list that fills as they happen. */
export async function recordCspViolations(page) {
  const violations = [];
  await page.addInitScript({ content: REPORT });
  page.on('console', (m) => {
    if (/CSP violation|Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}
