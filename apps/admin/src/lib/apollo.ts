import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

export const apolloClient = new ApolloClient({
  // Same origin in production (the API serves this build) and through the Vite proxy in
  // development, so the httpOnly session cookie is sent without opening up CORS. POSTs go
  // as application/json, which satisfies the API's CSRF prevention.
  link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
  cache: new InMemoryCache({
    typePolicies: {
      // Regions are identified by their Kemendagri code, not an `id`.
      Region: { keyFields: ["code"] },
      // Stats and targets are per region and month; never merge two regions' figures.
      CoverageStats: { keyFields: false },
      TargetProgress: { keyFields: false },
      DonorSummary: { keyFields: false },
    },
  }),
  devtools: { enabled: import.meta.env.DEV },
});
