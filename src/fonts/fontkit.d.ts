// fontkit ships no type declarations; this covers only what the project uses.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    getGlyph(id: number): object;
    layout(text: string): { readonly advanceWidth: number };
  }
}
