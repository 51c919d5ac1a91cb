import * as vscode from 'vscode';
import type { ArrayRoles } from '../editor/arrayRoles';
import type { DocumentArrays } from '../editor/documentCache';
import type { OutputArrays } from '../editor/outputArrays';
import { parseArrayRef, parsePersistedState } from './protocol';
import { WalkthroughPanel, walkthroughViewType } from './walkthroughPanel';

export { walkthroughViewType };

/**
 * Registers `softmaxLens.showWalkthrough` (optional argument: an ArrayRef, to a document's array or to one a
 * notebook cell's output prints; without it, the array at the active editor's cursor) and the serializer that restores the panel after a reload.
 */
export function registerWalkthrough(extensionUri: vscode.Uri, arrays: DocumentArrays, roles: ArrayRoles, outputs: OutputArrays): vscode.Disposable {
  const walkthrough = new WalkthroughPanel(extensionUri, arrays, roles, outputs);
  // Disposed in this order: the commands and the serializer go before the panel they call.
  return vscode.Disposable.from(
    vscode.commands.registerCommand('softmaxLens.showWalkthrough', (ref?: unknown) =>
      walkthrough.show(parseArrayRef(ref)),
    ),
    // Not contributed to the palette: the panel's own button pins; tests pin and observe through these.
    vscode.commands.registerCommand('softmaxLens.walkthrough.setPinned', (pinned: boolean) => walkthrough.setPinned(pinned === true)),
    vscode.commands.registerCommand('softmaxLens.walkthrough.snapshot', () => walkthrough.snapshot()),
    vscode.window.registerWebviewPanelSerializer(walkthroughViewType, {
      deserializeWebviewPanel: (panel, state: unknown) => walkthrough.restore(panel, parsePersistedState(state)),
    }),
    walkthrough,
  );
}

