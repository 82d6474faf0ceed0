// The sign-in page's texts. They load with the first screen, before i18next and the rest of
// the app's texts, so they live here; id.ts and en.ts mount them under `signIn`.
export const signInId = {
  intro: "Masuk untuk mengelola pekerja, donatur, dan cakupan BPJS Ketenagakerjaan.",
  email: "Email",
  password: "Kata sandi",
  submit: "Masuk",
  emailInvalid: "Masukkan alamat email yang benar.",
  passwordRequired: "Masukkan kata sandi.",
  language: "Bahasa",
  loading: "Memuat…",
  wrongCredentials: "Email atau kata sandi salah.",
  tooManyAttempts: "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.",
  rateLimited: "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
  server: "Server sedang bermasalah. Coba lagi nanti.",
  network: "Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.",
};

export const signInEn: typeof signInId = {
  intro: "Sign in to manage workers, donors and BPJS Ketenagakerjaan coverage.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  emailInvalid: "Enter a valid email address.",
  passwordRequired: "Enter your password.",
  language: "Language",
  loading: "Loading…",
  wrongCredentials: "Wrong e-mail or password.",
  tooManyAttempts: "Too many failed sign-ins. Try again later.",
  rateLimited: "Too many requests. Wait a moment and try again.",
  server: "The server has a problem. Try again later.",
  network: "Cannot reach the server. Check your connection and try again.",
};

export type SignInTexts = typeof signInId;
