// Euro amounts as the app prints them (kernel::Money's Display): "€1234.50", no grouping.
export function parseEuro(text) {
  const m = /€\s*(\d+)\.(\d{2})/.exec(text ?? '');
  if (!m) throw new Error(`no euro amount in ${JSON.stringify(text)}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export const formatEuro = (cents) => `€${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
