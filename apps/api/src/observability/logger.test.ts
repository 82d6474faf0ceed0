import { maskNiks } from "./logger";

it.each([
  ["NIK 3310014507900001 not found", "NIK 3310********0001 not found"],
  ["Key (nik)=(3310014507900001) already exists", "Key (nik)=(3310********0001) already exists"],
  ["two: 3310014507900001,3309015212850002", "two: 3310********0001,3309********0002"],
  // Not NIK-shaped: fewer or more than 16 digits in a run stay as they are.
  ["amount 16800 and phone 081234567890", "amount 16800 and phone 081234567890"],
  ["17 digits 33100145079000011", "17 digits 33100145079000011"],
])("masks NIKs in %j", (text, masked) => {
  expect(maskNiks(text)).toBe(masked);
});
