import {
  ApolloClient,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
} from "@apollo/client";

export const apolloClient = new ApolloClient({
  // Same origin in production (the API serves this build) and through the Vite proxy in
  // development, so the httpOnly session cookie is sent without opening up CORS.
  link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
  cache: new InMemoryCache({
    typePolicies: {
      // Regions are identified by their Kemendagri code, not an `id`.
      Region: { keyFields: ["code"] },
    },
  }),
  devtools: { enabled: import.meta.env.DEV },
});

/** Turns an Apollo Client error into a sentence an officer can act on, in Bahasa Indonesia. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.find((e) => typeof e.extensions?.code === "string")?.extensions?.code;
    switch (code) {
      case "UNAUTHENTICATED":
        return "Anda perlu masuk untuk melihat data ini.";
      case "FORBIDDEN":
        return "Akun Anda tidak memiliki akses ke data ini.";
      case "NOT_FOUND":
        return "Data yang diminta tidak ditemukan.";
      default:
        // The API promises plain, actionable messages for its coded errors.
        return error.errors[0]?.message ?? "Server menolak permintaan ini.";
    }
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return "Anda perlu masuk untuk melihat data ini.";
    if (error.statusCode === 403) return "Akun Anda tidak memiliki akses ke data ini.";
    if (error.statusCode === 429)
      return "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.";
    return `Server sedang bermasalah (kode ${error.statusCode}). Coba lagi nanti.`;
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached at all.
    return "Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.";
  }
  return "Terjadi kesalahan yang tidak terduga. Coba lagi nanti.";
}
