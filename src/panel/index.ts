import * as vscode from 'vscode';
import type { ArrayRoles } from '../editor/arrayRoles';
import type { DocumentArrays } from '../editor/documentCache';
import { readSettings } from '../editor/settings';
import { parsePersistedState, type ArrayRef } from './protocol';
import { WalkthroughPanel, walkthroughViewType } from './walkthroughPanel';

export { walkthroughViewType };

/**
 * Registers `softmaxLens.showWalkthrough` (optional argument: a document URI and an array's start offset;
 * without it, the array at the active editor's cursor) and the serializer that restores the panel after a reload.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, arrays: DocumentArrays, roles: ArrayRoles): void {
  const walkthrough = new WalkthroughPanel(context.extensionUri, arrays, roles, {
    temperature: () => readSettings().temperature,
    decimals: () => readSettings().decimals,
  });
  context.subscriptions.push(
    walkthrough,
    vscode.commands.registerCommand('softmaxLens.showWalkthrough', (ref?: ArrayRef) =>
      walkthrough.show(isArrayRef(ref) ? ref : undefined),
    ),
    // Not contributed to the palette: the panel's own button pins; tests pin and observe through these.
    vscode.commands.registerCommand('softmaxLens.walkthrough.setPinned', (pinned: boolean) => walkthrough.setPinned(pinned === true)),
    vscode.commands.registerCommand('softmaxLens.walkthrough.snapshot', () => walkthrough.snapshot()),
    vscode.window.registerWebviewPanelSerializer(walkthroughViewType, {
      deserializeWebviewPanel: (panel, state: unknown) => walkthrough.restore(panel, parsePersistedState(state)),
    }),
  );
}

function isArrayRef(value: unknown): value is ArrayRef {
  const ref = value as ArrayRef | undefined;
  return typeof ref?.uri === 'string' && typeof ref.start === 'number';
}
