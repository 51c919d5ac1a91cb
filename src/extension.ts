import * as vscode from 'vscode';
import { findArrays, softmax } from './core';

// Placeholder wiring until the editor features land (issue 5).
export function activate(context: vscode.ExtensionContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('softmaxLens.computeSoftmax', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const text = editor.document.getText(editor.selection.isEmpty ? undefined : editor.selection);
      const [array] = findArrays(text, editor.document.languageId);
      if (!array) {
        void vscode.window.showWarningMessage('No numeric array in the selection');
        return undefined;
      }
      const probabilities = Array.from(softmax(array.values));
      void vscode.window.showInformationMessage(`softmax → [${probabilities.map((p) => p.toFixed(4)).join(', ')}]`);
      return { values: array.values, probabilities };
    }),
  );
}

export function deactivate() {}
