import {
  BadUserInputError,
  ConflictError,
  DomainError,
  MonthAlreadyCoveredError,
  NikDuplicateError,
  NikInvalidError,
  NikMismatchError,
  NotFoundError,
} from "./errors";

describe("domain errors", () => {
  it.each([
    [NikInvalidError, "NIK_INVALID", "NikInvalidError"],
    [NikMismatchError, "NIK_MISMATCH", "NikMismatchError"],
    [NikDuplicateError, "NIK_DUPLICATE", "NikDuplicateError"],
    [BadUserInputError, "BAD_USER_INPUT", "BadUserInputError"],
    [NotFoundError, "NOT_FOUND", "NotFoundError"],
    [ConflictError, "CONFLICT", "ConflictError"],
    [MonthAlreadyCoveredError, "MONTH_ALREADY_COVERED", "MonthAlreadyCoveredError"],
  ])("%p has code %s and name %s", (Ctor, code, name) => {
    const err = new Ctor("Something a person can fix.", "someField");
    expect(err.code).toBe(code);
    expect(err.name).toBe(name);
    expect(err.message).toBe("Something a person can fix.");
    expect(err.field).toBe("someField");
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(Ctor);
  });

  it("leaves field undefined when none is named", () => {
    const err = new NotFoundError("No worker has id 42.");
    expect(err.field).toBeUndefined();
    expect("field" in err).toBe(false);
  });

  it("keeps a stack trace", () => {
    expect(new ConflictError("x").stack).toContain("ConflictError");
  });
});
