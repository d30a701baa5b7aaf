/* mpi.c: the OpenMPI adapter for `guarantor simulate` (the only file that
 * calls MPI). Launched by mpirun, each process takes a contiguous share of
 * the runs, and the integer tallies are summed on process 0, which alone
 * prints. Started any other way, the command runs alone and MPI is never
 * initialised. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#ifdef GT_WITH_MPI
#include <mpi.h>

/* mpirun (Open MPI's or a PMIx launcher) sets these in each process. */
static bool launched(void)
{
	return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMIX_RANK") || getenv("PMI_SIZE");
}

bool gt_cli_mpi_begin(int *rank, int *size)
{
	*rank = 0;
	*size = 1;
	if (!launched())
		return false;
	if (MPI_Init(NULL, NULL) != MPI_SUCCESS)
		return false;
	MPI_Comm_rank(MPI_COMM_WORLD, rank);
	MPI_Comm_size(MPI_COMM_WORLD, size);
	return true;
}

int gt_cli_mpi_reduce(struct gt_sim_counts *c, int rank)
{
	enum { FIXED = 12 };
	size_t n = FIXED + (size_t)c->days;
	uint64_t *mine = malloc(n * sizeof(*mine)), *sum = malloc(n * sizeof(*sum));
	if (!mine || !sum) {
		free(mine);
		free(sum);
		return GT_EXIT_FAILURE;
	}
	uint64_t fixed[FIXED] = {c->runs,       c->survived,   c->actions[0], c->actions[1],
	                         c->actions[2], c->actions[3], c->actions[4], c->detected,
	                         c->answered,   c->unanswered, c->escalations, c->runs_escalated};
	memcpy(mine, fixed, sizeof(fixed));
	memcpy(mine + FIXED, c->collapse_by_day, (size_t)c->days * sizeof(*mine));
	/* runs_split and collapse_by_escalation ride in a second, small reduce */
	uint64_t extra[2] = {c->runs_split, c->collapse_by_escalation}, extra_sum[2];
	int ok = MPI_Reduce(mine, sum, (int)n, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD) ==
	                 MPI_SUCCESS &&
	         MPI_Reduce(extra, extra_sum, 2, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD) ==
	                 MPI_SUCCESS;
	if (ok && rank == 0) {
		c->runs = sum[0];
		c->survived = sum[1];
		for (int a = 0; a < 5; a++)
			c->actions[a] = sum[2 + a];
		c->detected = sum[7];
		c->answered = sum[8];
		c->unanswered = sum[9];
		c->escalations = sum[10];
		c->runs_escalated = sum[11];
		memcpy(c->collapse_by_day, sum + FIXED, (size_t)c->days * sizeof(*sum));
		c->runs_split = extra_sum[0];
		c->collapse_by_escalation = extra_sum[1];
	}
	free(mine);
	free(sum);
	return ok ? GT_EXIT_OK : GT_EXIT_FAILURE;
}

void gt_cli_mpi_end(bool started, int rc)
{
	if (!started)
		return;
	if (rc != GT_EXIT_OK)
		MPI_Abort(MPI_COMM_WORLD, rc);
	MPI_Finalize();
}

#else

bool gt_cli_mpi_begin(int *rank, int *size)
{
	*rank = 0;
	*size = 1;
	return false;
}

int gt_cli_mpi_reduce(struct gt_sim_counts *c, int rank)
{
	(void)c, (void)rank;
	return GT_EXIT_OK;
}

void gt_cli_mpi_end(bool started, int rc)
{
	(void)started, (void)rc;
}

#endif
