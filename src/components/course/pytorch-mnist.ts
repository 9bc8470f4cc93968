/**
 * The MNIST page's recipe as one runnable PyTorch script, laid out the way the
 * lecture's program is: imports, device and seeding, the normalising
 * transform, the two data loaders, the Sequential model, the optimiser, the
 * epoch loop that prints every 128 iterations, and the test evaluation.
 * With the lecture's recipe the model, optimiser, batch and epochs are the
 * lecture's. Pure text: no DOM, no tfjs.
 */
import {CLASSES, INPUT_SIZE, LOG_EVERY, NORMALIZATION, TEST_BATCH, type Activation, type OptimizerName, type Recipe} from "../mnist/recipe.js";
import {pythonNumber} from "./python.js";

/**
 * The lecture seeds PyTorch with 123 (the browser trainer's seed too). PyTorch's
 * generator is not the browser's, so the number does not reproduce the
 * browser run; the script keeps the lecture's number whatever the recipe's.
 */
export const LECTURE_TORCH_SEED = 123;

const TORCH_ACTIVATION: Record<Activation, string> = {relu: "torch.nn.ReLU()", sigmoid: "torch.nn.Sigmoid()"};
const TORCH_OPTIMIZER: Record<OptimizerName, string> = {adam: "torch.optim.Adam", sgd: "torch.optim.SGD"};

/** The model's lines: Flatten, then Linear + activation per hidden layer, then the output Linear (logits). */
function modelLines(recipe: Recipe): string[] {
  const sizes = [INPUT_SIZE, ...recipe.hidden, CLASSES];
  const lines = ["layer = torch.nn.Sequential(", "    torch.nn.Flatten(),  # 1×28×28 image -> 784 values"];
  for (let l = 1; l < sizes.length; ++l) {
    lines.push(`    torch.nn.Linear(${sizes[l - 1]}, ${sizes[l]}),`);
    // The last layer gives logits: cross_entropy applies the softmax itself.
    if (l < sizes.length - 1) lines.push(`    ${TORCH_ACTIVATION[recipe.activation]},`);
  }
  lines.push(").to(device)", "print(layer)");
  return lines;
}

/** The complete script for a recipe, as text ending in a newline. */
export function mnistScript(recipe: Recipe): string {
  const {mean, std} = NORMALIZATION;
  return [
    `"""`,
    `An MLP on MNIST in PyTorch: 784-${recipe.hidden.join("-")}-10, the course's MNIST recipe.`,
    ``,
    `    python mnist_mlp.py              downloads MNIST with torchvision into ./data`,
    `    python mnist_mlp.py --idx DIR    reads the four IDX files from DIR (offline; needs only numpy)`,
    ``,
    `DIR holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and`,
    `t10k-labels-idx1-ubyte, each optionally gzipped (.gz).`,
    `"""`,
    `import argparse`,
    `import gzip`,
    `import os`,
    `import time`,
    ``,
    `import numpy as np`,
    `import torch`,
    `import torch.nn.functional as F`,
    `from torch.utils.data import TensorDataset`,
    `from torch.utils.data.dataloader import DataLoader`,
    ``,
    `parser = argparse.ArgumentParser(description="Train the course's MLP on MNIST.")`,
    `parser.add_argument("--idx", metavar="DIR", help="read MNIST from IDX files in DIR instead of downloading it")`,
    `args = parser.parse_args()`,
    ``,
    `# Device`,
    `device = 'cuda' if torch.cuda.is_available() else 'cpu'`,
    `# Reproducibility`,
    `torch.manual_seed(${LECTURE_TORCH_SEED})`,
    `if device == 'cuda':`,
    `    torch.cuda.manual_seed_all(${LECTURE_TORCH_SEED})`,
    ``,
    ``,
    `def read_idx(path):`,
    `    """An IDX file as a numpy array: big-endian magic (0x801 labels, 0x803 images), sizes, then uint8 data."""`,
    `    opener = gzip.open if path.endswith('.gz') else open`,
    `    with opener(path, 'rb') as f:`,
    `        data = f.read()`,
    `    dims = data[3]`,
    `    shape = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], 'big') for k in range(dims)]`,
    `    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)`,
    ``,
    ``,
    `def idx_dataset(folder, prefix):`,
    `    """The same tensors as ToTensor() then Normalize(): pixels / 255, then (x - mean) / std."""`,
    `    def find(name):`,
    `        path = os.path.join(folder, name)`,
    `        return path if os.path.exists(path) else path + '.gz'`,
    `    images = read_idx(find(f'{prefix}-images-idx3-ubyte'))`,
    `    labels = read_idx(find(f'{prefix}-labels-idx1-ubyte'))`,
    `    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)`,
    `    x = (x - ${mean}) / ${std}`,
    `    return TensorDataset(x, torch.from_numpy(labels.astype(np.int64)))`,
    ``,
    ``,
    `# Setup image set`,
    `if args.idx:`,
    `    train_X = idx_dataset(args.idx, 'train')`,
    `    test_X = idx_dataset(args.idx, 't10k')`,
    `else:`,
    `    # torchvision only when downloading: offline machines may not have it.`,
    `    import torchvision`,
    `    from torchvision import transforms`,
    `    trans = transforms.Compose([`,
    `        transforms.ToTensor(),`,
    `        transforms.Normalize((${mean},), (${std},))`,
    `    ])`,
    `    train_X = torchvision.datasets.MNIST('./data', True, transform=trans, download=True)`,
    `    test_X = torchvision.datasets.MNIST('./data', False, transform=trans, download=True)`,
    ``,
    `# Setup data loader (pinned memory helps only when copying to a GPU)`,
    `train_loader = DataLoader(train_X, batch_size=${recipe.batchSize}, shuffle=True, drop_last=True, pin_memory=(device == 'cuda'))`,
    `test_loader = DataLoader(test_X, batch_size=${TEST_BATCH}, shuffle=False, drop_last=False, pin_memory=(device == 'cuda'))`,
    ``,
    `# Model`,
    ...modelLines(recipe),
    ``,
    `# Optimizer`,
    `optimizer = ${TORCH_OPTIMIZER[recipe.optimizer]}(layer.parameters(), lr=${pythonNumber(recipe.learningRate)})`,
    ``,
    `# Training`,
    `start = time.perf_counter()`,
    `for epoch in range(${recipe.epochs}):`,
    `    for idx, (images, labels) in enumerate(train_loader):`,
    `        images, labels = images.float().to(device), labels.long().to(device)`,
    `        hypothesis = layer(images)`,
    `        cost = F.cross_entropy(input=hypothesis, target=labels)`,
    `        optimizer.zero_grad()`,
    `        cost.backward()`,
    `        optimizer.step()`,
    `        # The largest logit is the largest softmax probability.`,
    `        pred = hypothesis.argmax(dim=1)`,
    `        acc = pred.eq(labels).float().mean()`,
    `        if (idx + 1) % ${LOG_EVERY} == 0:`,
    `            print(f'TRAIN-Epoch: {epoch + 1}, Iteration: {idx + 1}, Loss: {cost.item()}, Accuracy: {acc.item()}')`,
    `print(f'Training time: {time.perf_counter() - start:.1f} s')`,
    ``,
    `# Evaluation`,
    `layer.eval()`,
    `with torch.no_grad():`,
    `    correct = 0`,
    `    for images, labels in test_loader:`,
    `        images, labels = images.float().to(device), labels.long().to(device)`,
    `        pred = layer(images).argmax(dim=1)`,
    `        correct += pred.eq(labels).sum().item()`,
    `# Counted per image: the last test batch is smaller, so a mean of batch means would weigh it more.`,
    `print(f'TEST-Accuracy: {correct / len(test_X)}')`,
    ``
  ].join("\n");
}
