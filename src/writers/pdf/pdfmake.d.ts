// pdfmake 0.3 ships no types (@types/pdfmake describes 0.2); this covers the server API we use.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface VirtualFileSystem {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Buffer): void;
  }
  interface FontDescriptor {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfMake {
    readonly virtualfs: VirtualFileSystem;
    setFonts(fonts: Record<string, FontDescriptor>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(docDefinition: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
