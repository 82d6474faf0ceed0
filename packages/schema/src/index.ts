// The public surface of @sertakan/schema: framework-free domain rules.
export * from "./enums";
export * from "./errors";
export * from "./year-month";
export * from "./coverage";
export * from "./pricing";
export * from "./nik";
export * from "./regions";
export * from "./sponsorship";
export * from "./access";
export * from "./accident";
export * from "./agent-fees";
export * from "./indonesian";
export * from "./documents";
export * from "./renewal";
export * from "./reminder";
export * from "./bank-import";
