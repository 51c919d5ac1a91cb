// esbuild.js compiles each imported .wat file with wabt and embeds the module's bytes.
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}
