export async function elementFigures(_: {
  short: boolean;
  rounds: number;
  ratios: Record<string, number>;
}): Promise<string[]> {
  return [];
}
