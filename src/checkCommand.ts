export async function checkCommand(_args: string[]): Promise<number> { return 2; }
