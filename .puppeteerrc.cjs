// bulletin finds Chrome itself (see src/print/findBrowser.ts); never download one at install time.
module.exports = { skipDownload: true };
