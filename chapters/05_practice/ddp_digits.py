"""Data-parallel training of a small digits classifier with PyTorch DDP: one process per replica.

Launched by section 5.10 with two CPU processes (gloo backend):

    torchrun --standalone --nproc-per-node=2 ddp_digits.py --steps 30 --out result.pt

Each step takes the next global batch of `world size * --batch-size` training digits; process r
trains on share r of it. DDP averages the shares' gradients, so every process takes the same step
as one process would on the whole global batch. With GPUs, each process drives one GPU and the
processes talk through NCCL instead of gloo. Rank 0 saves to `--out` the final weights, the global
batch's loss at every step, the process ids of all ranks and how often torchrun restarted them. On several
machines only the launch command changes (section 5.10 shows it).
"""

import argparse
import os

import helpers  # first: quiet, offline settings
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel


def make_net() -> nn.Module:
    """The 64-32-10 classifier of section 5.10, seeded: every process builds the same weights."""
    helpers.seed_everything(0, "torch")
    return nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))


def global_batches(batch_size: int, steps: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """`steps` global batches of the training digits in order, wrapping around after one pass."""
    train_set = helpers.data.load("digits", split="train")
    X = torch.tensor(train_set.X.reshape(len(train_set.X), 64))  # (N, 8, 8) -> (N, 64)
    y = torch.tensor(train_set.y)
    starts = [(step * batch_size) % (len(X) - batch_size) for step in range(steps)]
    return [(X[s : s + batch_size], y[s : s + batch_size]) for s in starts]


def train(args: argparse.Namespace, device: torch.device) -> dict:
    """Train one replica with DDP; return the global-batch losses, final weights and all ranks' pids."""
    rank, world = dist.get_rank(), dist.get_world_size()
    # DDP broadcasts rank 0's weights to every rank, then averages gradients in backward()
    device_ids = [device] if device.type == "cuda" else None
    net = DistributedDataParallel(make_net().to(device), device_ids=device_ids)
    optimizer = torch.optim.SGD(net.parameters(), lr=args.lr)
    losses = []
    for X, y in global_batches(args.batch_size * world, args.steps):
        X_part, y_part = X.chunk(world)[rank].to(device), y.chunk(world)[rank].to(device)
        loss = nn.functional.cross_entropy(net(X_part), y_part)
        optimizer.zero_grad()
        loss.backward()  # DDP all-reduces (averages) the gradients across processes here
        optimizer.step()
        mean_loss = loss.detach().clone()
        dist.all_reduce(mean_loss)  # the sum over processes, the collective DDP uses for gradients
        losses.append(mean_loss.item() / world)  # the loss on the whole global batch
    pids = [None] * world
    dist.all_gather_object(pids, os.getpid())
    state = {name: value.cpu() for name, value in net.module.state_dict().items()}
    restarts = int(os.environ.get("TORCHELASTIC_RESTART_COUNT", 0))  # set by torchrun
    return {"state": state, "losses": losses, "pids": pids, "backend": dist.get_backend(),
            "restarts": restarts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per process per step")
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--out", required=True, help="file for rank 0's results (torch.save)")
    args = parser.parse_args()

    # torchrun sets RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT for each process
    on_gpus = torch.cuda.is_available()
    dist.init_process_group("nccl" if on_gpus else "gloo")
    device = torch.device("cuda", int(os.environ["LOCAL_RANK"])) if on_gpus else torch.device("cpu")
    if on_gpus:
        torch.cuda.set_device(device)  # one GPU per process
    # train() returns after its DDP wrapper is freed: a wrapper that outlives the process group
    # keeps the group's threads alive until Python shuts down, and the process can abort there
    result = train(args, device)
    if dist.get_rank() == 0:
        torch.save(result, args.out)
    dist.barrier()  # leave together: a process exiting while another still talks can abort
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
