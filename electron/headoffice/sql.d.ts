// SQL migration files are bundled as text (Vite's ?raw import), so the built app and the
// migrate command carry them without reading the repository at run time.
declare module '*.sql?raw' {
  const text: string
  export default text
}
