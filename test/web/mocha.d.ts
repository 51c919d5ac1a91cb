// mocha's browser build: it defines the globals `mocha` and `Mocha` (typed by @types/mocha).
declare module 'mocha/mocha';
