/**
 * Masks a resident ID number, keeping the first 3 and last 4 characters (e.g. `990***********123X`).
 * @param value - the clear number, or only its last 4 characters when that is all the reader may hold
 */
export function maskResidentId(value: string): string {
  if (value.length <= 4) return `${'*'.repeat(14)}${value}`;
  return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 7))}${value.slice(-4)}`;
}

/**
 * Masks a phone number, keeping only the last 4 digits (e.g. `*******5678`).
 * @param value - the clear number or its last 4 digits
 */
export function maskPhone(value: string): string {
  const tail = value.slice(-4);
  return `${'*'.repeat(Math.max(7, value.length - 4))}${tail}`;
}

/**
 * Masks a personal name for lists shown to roles that need only to recognise a person: keeps the
 * first character (the family name in Chinese order) and stars the rest.
 * @param name - full name
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
